-- What the image model saw in each image, stored with the vector it made (so a new model re-derives both):
-- its labels best first, one per line, each as the label's names joined by commas ("tabby, tabby cat").
ALTER TABLE image_vectors ADD COLUMN labels VARCHAR(2000) DEFAULT '' NOT NULL;
