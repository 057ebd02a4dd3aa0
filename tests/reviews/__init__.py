"""Tests of the reviews area."""
