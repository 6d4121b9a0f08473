"""Moving in from WordPress: import a WXR export (posts, comments, sources) and redirect its old URLs."""
