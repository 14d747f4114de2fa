"""Tests of blueprint.analysis."""
