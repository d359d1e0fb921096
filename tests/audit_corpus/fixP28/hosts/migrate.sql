-- Move saved video URLs off the retired AKOOL host.
UPDATE renders SET source_url = REPLACE(source_url, 'https://api.akool.com', 'https://openapi.akool.com')
WHERE source_url LIKE 'https://api.akool.com%';
SELECT count(*) FROM renders WHERE source_url LIKE 'https://api.akool.com/%';
