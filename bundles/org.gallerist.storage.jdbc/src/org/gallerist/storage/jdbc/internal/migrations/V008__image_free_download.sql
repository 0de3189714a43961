-- Whether the owner gives the original to everyone who sees the image; otherwise only its buyers receive it.
ALTER TABLE images ADD COLUMN free_download BOOLEAN DEFAULT FALSE NOT NULL;

-- Whether a user bought an image is asked at every download of an original.
CREATE INDEX order_lines_image ON order_lines (image_id, order_id);
