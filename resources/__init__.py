"""Icons and sample data, installed as the package rnnviz.resources."""
