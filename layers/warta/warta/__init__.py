"""Warta: Indonesian news pages in, searchable officials, regions, organizations and dates out."""

__version__ = "0.1.0"
