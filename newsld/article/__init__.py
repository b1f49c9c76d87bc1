"""newsld.article."""
