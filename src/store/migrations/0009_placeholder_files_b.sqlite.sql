-- Placeholder so that 0010 builds on this branch alone (versions have no
-- gaps). The lead drops this commit when 0008 and 0009 of other branches land.
SELECT 1;
