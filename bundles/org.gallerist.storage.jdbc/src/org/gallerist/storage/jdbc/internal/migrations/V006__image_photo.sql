-- The pages of a multi-page file (TIFF), and what the camera wrote into a photo (EXIF), read on upload. Images
-- stored before this version have one page and no facts.
ALTER TABLE images ADD COLUMN pages INT DEFAULT 1 NOT NULL;
CREATE TABLE image_photos (
  image_id BIGINT NOT NULL PRIMARY KEY CONSTRAINT image_photos_image REFERENCES images(id) ON DELETE CASCADE,
  captured VARCHAR(40),
  camera_make VARCHAR(100),
  camera_model VARCHAR(100),
  lens VARCHAR(200),
  exposure VARCHAR(40),
  aperture VARCHAR(40),
  focal_length VARCHAR(40),
  iso INT
);
