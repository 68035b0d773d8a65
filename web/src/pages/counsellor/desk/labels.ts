import type { Schemas } from '../../../api/types';

export type DeskStatus = Schemas['QueueItemDto']['status'];
export type DeskAction = Schemas['DeskRequestDto']['allowedActions'][number];
export const DESK_STATUSES: readonly DeskStatus[] = ['new', 'in_progress', 'forwarded', 'resolved', 'closed'];
