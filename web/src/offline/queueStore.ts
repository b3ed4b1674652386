// The offline queue's storage: one IndexedDB database holding the changes
// (a comment, a checklist value, a time entry) made while the network was
// down, each with the user it belongs to and its Idempotency-Key.
//
// What it never holds (MUST-NOT-004): the session (an HttpOnly cookie) and
// the CSRF token (read from its cookie when the change is sent), or any
// answer from /api/. The database exists only while something waits: it is
// created by the first queued change and deleted when the queue is empty,
// at sign-out, and of another user's changes at sign-in.

export type QueuedKind = 'comment' | 'checklist' | 'time';

export interface QueuedChange {
  seq?: number; // set by IndexedDB
  userId: number;
  kind: QueuedKind;
  woId: number;
  method: 'POST' | 'PATCH';
  path: string; // under /api/v1
  body: unknown;
  idempotencyKey: string; // made once, when queued: a resend is the same request
  label: string; // what the UI says about it ("Comment: Gate was locked")
  queuedAt: number;
}

const DB_NAME = 'bulwark-offline';
const STORE = 'outbox';

let opened: Promise<IDBDatabase> | null = null;

function promised<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
  });
}

/** Whether the database exists, without creating it. */
async function exists(): Promise<boolean> {
  if (opened) return true;
  if (typeof indexedDB === 'undefined') return false;
  if (!indexedDB.databases) return true; // cannot tell: opening is harmless then
  const dbs = await indexedDB.databases();
  return dbs.some((d) => d.name === DB_NAME);
}

function open(): Promise<IDBDatabase> {
  opened ??= new Promise<IDBDatabase>((resolve, reject) => {
    const req = indexedDB.open(DB_NAME, 1);
    req.onupgradeneeded = () => {
      req.result.createObjectStore(STORE, { keyPath: 'seq', autoIncrement: true });
    };
    req.onsuccess = () => {
      const db = req.result;
      // Another tab deleting the database (sign-out there) closes ours.
      db.onversionchange = () => {
        db.close();
        opened = null;
      };
      resolve(db);
    };
    req.onerror = () => {
      opened = null;
      reject(req.error ?? new Error('cannot open the offline queue'));
    };
  });
  return opened;
}

async function withStore<T>(
  mode: IDBTransactionMode,
  work: (store: IDBObjectStore) => IDBRequest<T>,
): Promise<T> {
  const db = await open();
  const tx = db.transaction(STORE, mode);
  const result = promised(work(tx.objectStore(STORE)));
  await new Promise<void>((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onabort = tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
  });
  return result;
}

export async function addChange(change: QueuedChange): Promise<void> {
  await withStore('readwrite', (s) => s.add(change));
}

/** Every queued change, oldest first (all users: callers filter). */
export async function allChanges(): Promise<QueuedChange[]> {
  if (!(await exists())) return [];
  return withStore('readonly', (s) => s.getAll() as IDBRequest<QueuedChange[]>);
}

export async function removeChange(seq: number): Promise<void> {
  await withStore('readwrite', (s) => s.delete(seq));
  if ((await allChanges()).length === 0) await deleteAll();
}

/** The whole queue, database and all (sign-out, or nothing left to send). */
export async function deleteAll(): Promise<void> {
  if (typeof indexedDB === 'undefined') return;
  const db = opened ? await opened.catch(() => null) : null;
  db?.close();
  opened = null;
  await new Promise<void>((resolve) => {
    const req = indexedDB.deleteDatabase(DB_NAME);
    req.onsuccess = req.onerror = req.onblocked = () => resolve();
  });
}

/** Drops what other users queued in this browser (a different user signed in). */
export async function keepOnly(userId: number): Promise<void> {
  const all = await allChanges();
  if (all.length === 0) return;
  const others = all.filter((c) => c.userId !== userId);
  if (others.length === all.length) return deleteAll();
  for (const c of others)
    if (c.seq !== undefined) await withStore('readwrite', (s) => s.delete(c.seq!));
}
