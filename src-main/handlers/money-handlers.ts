import type { HandlersOf } from '../ipc/dispatch';
import type { Emit } from '../ipc/emit';
import type { Library } from '../library/library';
import type { ModelListService } from '../models/model-list';
import type { BalanceService } from '../money/balance';

/** What the gateway offers and at what price, what was spent, and (only when asked for) what is left. */
export function moneyHandlers({
  models,
  library,
  balance,
  emit,
}: {
  models: ModelListService;
  library: Pick<Library, 'ledger'>;
  balance: BalanceService;
  emit: Emit;
}): HandlersOf<'models' | 'usage' | 'balance'> {
  const announced = async (next: ReturnType<BalanceService['status']>) => {
    const status = await next;
    emit('balance:changed', status);
    return status;
  };
  return {
    'models:offer': ({ refresh }) => (refresh ? models.refresh() : models.offer()),
    'usage:ledger': ({ sinceMs }) => library.ledger.entries(sinceMs),
    'balance:status': () => balance.status(),
    'balance:refresh': () => announced(balance.refresh()),
    'balance:saveKey': ({ key }) => announced(balance.saveKey(key)),
    'balance:removeKey': () => announced(balance.removeKey()),
  };
}
