// Prints a compose file with its ${NAME} variables filled in from an env file, as Compose does
// (`$$` stays, for the shell inside a container), so that linters see what Compose runs.
import { readFileSync } from 'node:fs';

const [composeFile, envFile] = process.argv.slice(2);
const settings = {};
for (const line of readFileSync(envFile, 'utf8').split('\n')) {
  if (line.trim() && !line.startsWith('#')) {
    const equals = line.indexOf('=');
    settings[line.slice(0, equals).trim()] = line.slice(equals + 1).trim();
  }
}
const filled = readFileSync(composeFile, 'utf8').replace(/(?<!\$)\$\{(\w+)\}/g, (_, name) => {
  if (!(name in settings)) {
    console.error(`${composeFile}: \${${name}} is not in ${envFile}`);
    process.exit(1);
  }
  return settings[name];
});
process.stdout.write(filled);
