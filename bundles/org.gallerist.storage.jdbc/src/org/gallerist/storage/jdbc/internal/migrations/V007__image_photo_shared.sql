-- Whether the owner lets everyone who sees the image see the camera's facts; kept to the owner until they say so.
ALTER TABLE image_photos ADD COLUMN shared BOOLEAN DEFAULT FALSE NOT NULL;
