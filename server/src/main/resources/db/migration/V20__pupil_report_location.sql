-- A pupil's report from the block page stores where they saw it (up to 200 characters) followed by
-- the filter category it came from, which did not fit the 200 characters of V9: the report was
-- lost with an error. Room for both, with margin.
ALTER TABLE incident ALTER COLUMN location SET DATA TYPE VARCHAR(1000);
