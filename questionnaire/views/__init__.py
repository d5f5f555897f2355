"""Client-facing views, one module per journey."""
