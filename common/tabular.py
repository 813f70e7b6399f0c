"""Cells written to CSV and XLSX files: one rule against CSV injection for every export."""

# A spreadsheet runs a cell that starts with one of these as a formula.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def escape_formula(value):
    """Make a spreadsheet show the text instead of running it (CSV injection): a leading quote."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value
