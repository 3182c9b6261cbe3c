// Polytomic: Enter API Key: (re)stores the active profile's key, e.g. after a 401.
import type { Services } from '../services';
import { UserError } from '../userError';

export async function enterApiKey(services: Services): Promise<void> {
  const profile = services.profiles.active();
  if (!profile) throw new UserError('Add a profile first.', [{ title: 'Add Profile', command: 'polytomic.addProfile' }]);
  // A profile only this workspace defines: first whether its address may have the key at all.
  if (!services.profiles.chosenByUser(profile)) await services.sessions.permission.check(profile, 'modal');
  const key = await services.prompts.current.input({
    title: `API key for "${profile.name}"`,
    prompt: `${profile.baseUrl}: the key is kept in VS Code's secret storage`,
    password: true,
    validateInput: (value) => (value.trim() === '' ? 'Paste the API key.' : undefined),
  });
  if (!key?.trim()) return;
  await services.profiles.storeKey(profile, key.trim());
  await services.sessions.reset();
  void services.prompts.current.notify('info', `API key for "${profile.name}" saved in secret storage.`);
}
