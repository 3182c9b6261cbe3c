// Polytomic: Switch Profile: the active profile of this workspace. Choosing a profile that only this workspace's
// settings define asks (again) whether its address may receive your key; "Don't Allow" keeps the current profile.
import * as vscode from 'vscode';
import type { Services } from '../services';
import { addProfile } from './addProfile';

export async function switchProfile(services: Services, name?: unknown): Promise<string | undefined> {
  const profiles = services.profiles.list();
  const active = services.profiles.active();
  const mayUse = async (profileName: string): Promise<boolean> => {
    const chosen = profiles.find((p) => p.name === profileName);
    return !chosen || services.sessions.permission.allowed(chosen) || !vscode.workspace.isTrusted || services.sessions.permission.ask(chosen);
  };
  if (typeof name === 'string' && profiles.some((p) => p.name === name)) {
    if (!(await mayUse(name))) return undefined;
    await services.profiles.setActive(name);
    return name;
  }
  const addNew = { label: '$(add) Add Profile...', value: '' };
  const picked = await services.prompts.current.pick(
    [
      ...profiles.map((p) => ({
        label: p.name === active?.name ? `$(check) ${p.name}` : p.name,
        description: `${p.baseUrl} · ${p.apiVersion}`,
        value: p.name,
      })),
      addNew,
    ],
    { title: 'Switch Polytomic Profile', placeHolder: 'The profile this workspace uses' },
  );
  if (!picked) return undefined;
  if (picked.value === '') {
    return addProfile(services);
  }
  if (!(await mayUse(picked.value))) return undefined;
  await services.profiles.setActive(picked.value);
  return picked.value;
}
