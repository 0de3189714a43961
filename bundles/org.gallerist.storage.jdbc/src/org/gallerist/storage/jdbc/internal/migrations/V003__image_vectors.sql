-- Image embeddings for similarity search: one vector per image and embedder (model) id, little-endian float32.
-- Vectors of an old model stay until the new one covers every image, so search never mixes the two.
CREATE TABLE image_vectors (
  image_id BIGINT NOT NULL CONSTRAINT image_vectors_image REFERENCES images(id) ON DELETE CASCADE,
  embedder_id VARCHAR(200) NOT NULL,
  dimension INT NOT NULL,
  vector BLOB(1M) NOT NULL,
  PRIMARY KEY (image_id, embedder_id)
);

CREATE INDEX image_vectors_embedder ON image_vectors (embedder_id, image_id);
