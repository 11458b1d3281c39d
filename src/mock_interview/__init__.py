"""mock-interview: mock job interviews tailored to a resume and a job, scored and tracked."""

__version__ = "0.1.0"
