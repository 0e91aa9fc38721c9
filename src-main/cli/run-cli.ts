import { AppFailure } from '../../src-preload/contract/errors';
import { exitCodes, type CliIo } from './cli-io';
import { UsageError } from './options';

const mainHelp = `Usage: npm run cli -- COMMAND [options]

Seedream Studio from the command line: the same library as the app, so results show up there too.

Commands:
  generate --prompt TEXT [options]   Generate images and save them in the library
  edit --base FILE --prompt TEXT     Edit an image ([--box X1,Y1,X2,Y2]... for models that read boxes)
  batch --file FILE [options]        Queue one request per CSV row or line and run them
  library list [options]             List the newest images
  library search TEXT [options]      Find images by prompt (English words, Chinese text)
  library check [options]            Check the library's files against its catalog

Run any command with --help to see all its options.
`;

function commandOf(args: readonly string[]): { name: string; rest: readonly string[] } {
  const [first, second, ...others] = args;
  if (first === 'library') return { name: `library ${second ?? ''}`.trim(), rest: others };
  return { name: first ?? '', rest: args.slice(1) };
}

/** Runs one command and returns the exit status; failures become one clear line on standard error. */
export async function runCli(args: readonly string[], io: CliIo): Promise<number> {
  const { name, rest } = commandOf(args);
  try {
    switch (name) {
      // Commands load when run, so `--help` and usage errors answer before the engine and catalog code loads.
      case 'generate':
        return await (await import('./generate-command')).runGenerate(rest, io);
      case 'edit':
        return await (await import('./edit-command')).runEdit(rest, io);
      case 'batch':
        return await (await import('./batch-command')).runBatch(rest, io);
      case 'library list':
        return await (await import('./library-commands')).runList(rest, io, false);
      case 'library search':
        return await (await import('./library-commands')).runList(rest, io, true);
      case 'library check':
        return await (await import('./library-commands')).runCheck(rest, io);
      case '--help':
      case 'help':
      case '-h':
        io.stdout(mainHelp);
        return exitCodes.ok;
      default:
        throw new UsageError(name === '' ? 'Say which command to run.' : `Unknown command "${name}".`);
    }
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(
        `${error.message}\n${name === '' || !isCommand(name) ? mainHelp : `Run: npm run cli -- ${name} --help\n`}`,
      );
      return exitCodes.usage;
    }
    if (error instanceof AppFailure) {
      io.log.warn(`${name}: ${error.appError.code}: ${error.appError.message}`);
      io.stderr(`Error: ${error.appError.message}\n`);
      return exitCodes.failed;
    }
    io.log.error(`${name}: unexpected failure`, error);
    const message = error instanceof Error ? error.message : String(error);
    io.stderr(`Error: ${message} (details are in the log)\n`);
    return exitCodes.failed;
  }
}

function isCommand(name: string): boolean {
  return ['generate', 'edit', 'batch', 'library list', 'library search', 'library check'].includes(name);
}
