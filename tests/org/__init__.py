"""Tests of the org area."""
