"""Provides the app widgets: the virtual compare view, the article list, the search bar."""
