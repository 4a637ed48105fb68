"""Provides the app screens: compare (main), grid, detail, help."""
