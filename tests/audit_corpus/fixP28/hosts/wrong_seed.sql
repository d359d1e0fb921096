INSERT INTO settings (name, value) VALUES ('akool_base', 'https://api.akool.com/api/open/v3');
UPDATE settings SET value = 'https://api.akool.com/api/open/v3' WHERE name = 'akool_base';
