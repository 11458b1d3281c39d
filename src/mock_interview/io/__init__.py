"""File readers (PDF, DOCX, TXT) with size and type validation."""
