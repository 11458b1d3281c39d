"""Allow ``python -m mock_interview``."""

from mock_interview.cli.app import main

if __name__ == "__main__":
    main()
