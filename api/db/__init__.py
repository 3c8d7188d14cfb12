"""Database access: the only package that talks to Postgres. SQL lives in ../sql/."""
