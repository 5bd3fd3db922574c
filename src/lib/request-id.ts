/** A client-minted idempotency key ([A-Za-z0-9_-], 24 chars): 发布 tapped twice, or retried, creates one series. */
export function mintRequestId(): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-';
  let id = Date.now().toString(36);
  while (id.length < 24) id += alphabet[Math.floor(Math.random() * alphabet.length)];
  return id;
}
