-- Placeholder for migration 0039 (helper h1's, session 28): the runner needs
-- contiguous numbers. The lead drops this file when the branches merge.
SELECT 1;
