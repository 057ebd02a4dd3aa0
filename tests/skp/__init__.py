"""Tests of the skp area."""
