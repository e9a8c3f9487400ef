"""Views: each shows one thing the Simulator owns, and only updates its items per step."""
