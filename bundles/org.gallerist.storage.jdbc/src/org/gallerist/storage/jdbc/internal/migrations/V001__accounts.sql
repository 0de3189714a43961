-- Accounts and their authorized public keys. Times are epoch milliseconds (UTC).
CREATE TABLE users (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  name VARCHAR(32) NOT NULL CONSTRAINT users_name_unique UNIQUE,
  password_hash VARCHAR(256) NOT NULL,
  role VARCHAR(16) NOT NULL,
  disabled BOOLEAN NOT NULL DEFAULT FALSE,
  created_ms BIGINT NOT NULL
);

CREATE TABLE user_keys (
  user_id BIGINT NOT NULL CONSTRAINT user_keys_user REFERENCES users(id) ON DELETE CASCADE,
  fingerprint VARCHAR(100) NOT NULL,
  key_type VARCHAR(64) NOT NULL,
  key_comment VARCHAR(1024) NOT NULL,
  openssh_line VARCHAR(16384) NOT NULL,
  added_ms BIGINT NOT NULL,
  PRIMARY KEY (user_id, fingerprint)
);
