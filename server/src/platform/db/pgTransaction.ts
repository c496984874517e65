// One transaction on one pooled PostgreSQL connection, for every writer that needs more than one
// statement (the shared agenda store, the schema migrations).
import type pg from 'pg';

/**
 * Run `work` between `begin` and COMMIT on one connection; roll back when it throws.
 *
 * pg's pool listens for a connection's 'error' only while the connection is idle: one checked out
 * here and cut by the server (a restart, pg_terminate_backend) would raise it as an uncaught
 * exception and end the process. So this listens while the connection is out, and a cut
 * connection is not handed back to the pool; the statement in flight fails on its own.
 */
export async function inTransaction<T>(pool: pg.Pool, begin: string, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let broken: Error | undefined;
  const cut = (err: Error) => {
    broken = err;
  };
  client.on('error', cut);
  try {
    await client.query(begin);
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (err) {
    await client.query('ROLLBACK').catch((rollbackErr: unknown) => {
      broken ??= rollbackErr instanceof Error ? rollbackErr : new Error(String(rollbackErr));
    });
    throw err;
  } finally {
    client.removeListener('error', cut);
    client.release(broken);
  }
}
