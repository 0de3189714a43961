-- What changed of an image that a similarity index holds (its vector, owner, visibility or tags, or the image gone),
-- numbered as written, so that every node's index can follow every other node's writes. kind: V a vector stored,
-- R a vector replaced, I the image's row or tags changed or the row deleted. Rows older than a day are pruned. No
-- foreign key: the change of a deleted image outlives it.
CREATE TABLE image_changes (
  seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  image_id BIGINT NOT NULL,
  kind CHAR(1) NOT NULL,
  changed_ms BIGINT NOT NULL
);

CREATE INDEX image_changes_time ON image_changes (changed_ms);
