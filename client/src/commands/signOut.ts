// Polytomic: Sign Out: forgets the active profile's API key (the profile stays).
import type { Services } from '../services';
import { UserError } from '../userError';

export async function signOut(services: Services): Promise<void> {
  const profile = services.profiles.active();
  if (!profile) throw new UserError('There is no profile to sign out of.', [], 'warning');
  const confirmed = await services.prompts.current.confirm(
    `Sign out of "${profile.name}"?`,
    'The API key is removed from VS Code\'s secret storage. The profile stays; enter a key again to use it.',
    'Sign Out',
  );
  if (!confirmed) return;
  await services.profiles.signOut(profile);
  await services.sessions.reset();
  void services.prompts.current.notify('info', `Signed out of "${profile.name}".`);
}
