"""Blueprint: a desktop editor for service blueprints and service-quality models."""

__version__ = "0.1.0"
