// Polytomic: Set Secret: the value behind a `${secret:NAME}` placeholder, kept in VS Code's SecretStorage.
import { placeholderSecretName } from '../../../core/src/placeholders';
import type { Services } from '../services';

export async function setSecret(services: Services, name?: unknown): Promise<void> {
  const ui = services.prompts.current;
  const chosen =
    typeof name === 'string'
      ? name
      : await ui.input({
          title: 'Set Secret',
          prompt: 'The NAME in ${secret:NAME}',
          validateInput: (value) => (/^[^}\s]+$/.test(value) ? undefined : 'A name without spaces or braces, e.g. PG_PASSWORD.'),
        });
  if (!chosen) return;
  const value = await ui.input({ title: `Value of \${secret:${chosen}}`, prompt: 'Kept in VS Code\'s secret storage', password: true });
  if (value === undefined) return;
  await services.context.secrets.store(placeholderSecretName(chosen), value);
  services.output.addSecrets([value]);
  void ui.notify('info', `Secret ${chosen} saved; files using \${secret:${chosen}} will send it.`);
}
