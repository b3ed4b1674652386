-- Placeholder so that 0009 builds on this branch alone (versions have no
-- gaps). The lead drops this commit when 0008 of another branch lands.
SELECT 1;
