// Polytomic: Switch Profile: the active profile of this workspace.
import type { Services } from '../services';
import { addProfile } from './addProfile';

export async function switchProfile(services: Services, name?: unknown): Promise<string | undefined> {
  const profiles = services.profiles.list();
  const active = services.profiles.active();
  if (typeof name === 'string' && profiles.some((p) => p.name === name)) {
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
  await services.profiles.setActive(picked.value);
  return picked.value;
}
