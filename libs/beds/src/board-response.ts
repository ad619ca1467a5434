import type { Response } from 'express';
import type { BedOnDate } from './beds.repository';
import type { BoardEntry } from './board-cache';

/**
 * Answers the bed board: a room's beds as JSON, the whole board as the cached bytes as they are
 * (gzip-compressed once when the client accepts it); Express answers 304 to a matching If-None-Match.
 */
export function sendBoard(res: Response, board: BoardEntry<BedOnDate[]>, roomId?: string): void {
  if (roomId) {
    res.json(board.value.filter((b) => b.room.id === roomId));
    return;
  }
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.setHeader('vary', 'Accept-Encoding');
  if (/\bgzip\b/.test(res.req.headers['accept-encoding'] ?? '')) {
    res.setHeader('content-encoding', 'gzip');
    res.setHeader('etag', `${board.etag.slice(0, -1)}-gz"`);
    res.send(board.gzip);
    return;
  }
  res.setHeader('etag', board.etag);
  res.send(board.body);
}
