// Polytomic: Remove Profile: the profile from the settings and its key from SecretStorage, after a modal confirmation.
import type { Services } from '../services';

export async function removeProfile(services: Services): Promise<void> {
  const active = services.profiles.active();
  const picked = await services.prompts.current.pick(
    services.profiles.list().map((p) => ({ label: p.name, description: p.baseUrl, picked: p.name === active?.name, value: p })),
    { title: 'Remove Polytomic Profile', placeHolder: 'The profile to remove' },
  );
  if (!picked) return;
  const confirmed = await services.prompts.current.confirm(
    `Remove profile "${picked.value.name}"?`,
    'The profile is removed from the settings and its API key from secret storage. Connections in Polytomic are not touched.',
    'Remove Profile',
  );
  if (!confirmed) return;
  await services.profiles.remove(picked.value);
  void services.prompts.current.notify('info', `Profile "${picked.value.name}" removed.`);
}
