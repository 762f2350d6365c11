"""Blockade: a non-quantitative teaching simulation of opioid receptor blockade."""

__version__ = "0.1.0"
