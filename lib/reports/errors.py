"""The error a report raises for parameters a person can fix (shown to them as is)."""


class ReportParameterError(ValueError):
    """A parameter names nothing that exists or is out of range; the message says which and why."""
