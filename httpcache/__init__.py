"""HTTP caching headers: anonymous public pages say any cache may keep them, and which objects they show."""
