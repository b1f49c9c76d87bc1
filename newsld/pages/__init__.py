"""newsld.pages."""
