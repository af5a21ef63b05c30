"""Excel / CSV import and export (township and county work, issue 7)."""
