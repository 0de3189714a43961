-- The buyer's key for one logical order (orders place --request KEY): sending the order again with the same key,
-- e.g. after its answer was lost, returns the order instead of buying twice. Orders without a key keep NULL, and
-- NULLs never collide in a UNIQUE constraint.
ALTER TABLE orders ADD COLUMN request_key VARCHAR(64);
ALTER TABLE orders ADD CONSTRAINT orders_buyer_request_key UNIQUE (buyer_id, request_key);
