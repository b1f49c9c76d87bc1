"""newsld.io."""
