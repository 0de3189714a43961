-- Images, tags and orders. Times are epoch milliseconds (UTC); content keys are sha-256 hex of the plain bytes.
CREATE TABLE images (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  owner_id BIGINT NOT NULL CONSTRAINT images_owner REFERENCES users(id),
  name VARCHAR(200) NOT NULL,
  description VARCHAR(4000) NOT NULL DEFAULT '',
  price DECIMAL(12,2) NOT NULL CONSTRAINT images_price_not_negative CHECK (price >= 0),
  quantity INT NOT NULL CONSTRAINT images_quantity_not_negative CHECK (quantity >= 0),
  visibility VARCHAR(16) NOT NULL,
  width INT NOT NULL,
  height INT NOT NULL,
  format VARCHAR(16) NOT NULL,
  bytes BIGINT NOT NULL,
  sha256 VARCHAR(64) NOT NULL,
  original_key VARCHAR(64) NOT NULL,
  thumb_key VARCHAR(64),
  preview_key VARCHAR(64),
  created_ms BIGINT NOT NULL,
  CONSTRAINT images_owner_content UNIQUE (owner_id, sha256)
);

-- Newest first paging over everything, and over one owner's images (--mine, visibility of private images).
CREATE INDEX images_created ON images (created_ms DESC, id DESC);
CREATE INDEX images_owner_created ON images (owner_id, created_ms DESC, id DESC);
-- "Does any row still refer to this file?" after a delete.
CREATE INDEX images_original_key ON images (original_key);
CREATE INDEX images_thumb_key ON images (thumb_key);
CREATE INDEX images_preview_key ON images (preview_key);

CREATE TABLE tags (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  name VARCHAR(40) NOT NULL CONSTRAINT tags_name_unique UNIQUE
);

CREATE TABLE image_tags (
  image_id BIGINT NOT NULL CONSTRAINT image_tags_image REFERENCES images(id) ON DELETE CASCADE,
  tag_id BIGINT NOT NULL CONSTRAINT image_tags_tag REFERENCES tags(id) ON DELETE CASCADE,
  PRIMARY KEY (image_id, tag_id)
);

CREATE INDEX image_tags_by_tag ON image_tags (tag_id, image_id);

CREATE TABLE orders (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  buyer_id BIGINT NOT NULL CONSTRAINT orders_buyer REFERENCES users(id),
  placed_ms BIGINT NOT NULL
);

CREATE INDEX orders_buyer_placed ON orders (buyer_id, placed_ms DESC, id DESC);

-- No foreign key to images: an order outlives the image it bought, so the line keeps copies of what it showed.
CREATE TABLE order_lines (
  order_id BIGINT NOT NULL CONSTRAINT order_lines_order REFERENCES orders(id) ON DELETE CASCADE,
  line_no INT NOT NULL,
  image_id BIGINT NOT NULL,
  image_name VARCHAR(200) NOT NULL,
  seller_name VARCHAR(32) NOT NULL,
  quantity INT NOT NULL CONSTRAINT order_lines_quantity_positive CHECK (quantity > 0),
  unit_price DECIMAL(12,2) NOT NULL,
  PRIMARY KEY (order_id, line_no)
);

CREATE INDEX order_lines_seller ON order_lines (seller_name, order_id);
