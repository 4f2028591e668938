// Swift objects in Lua: userdata holding a retained object, a class metatable whose `__index` finds a
// method or asks Swift for a property, and the per-object cache of classes whose properties never change.
#include "context.h"

typedef struct {
    void *object;
    /// Property reads so far, for caching classes (see object_index).
    unsigned reads;
} object_slot;

static int object_gc(lua_State *L) {
    object_slot *slot = lua_touserdata(L, 1);
    if (slot != NULL && slot->object != NULL) {
        void *object = slot->object;
        slot->object = NULL;
        dossier_releaseSwift(object);
    }
    return 0;
}

static const char *const objectMarkerKey = "__dossier_object";
static const char *const classKey = "__dossier_class";
/// The key under which an object's cache table keeps the object itself.
static const char cacheOwnerKey = 0;

/// Reads member `key` of the object at `object`: a method, or a property from Swift. Leaves the value
/// on top and returns 1, or returns 0 (nothing pushed) for an unknown member. Sets *cacheable when
/// the value is a property (or method) that may be cached.
/// Upvalues of the caller: 1 members (method or property id), 2 the class box holder.
static int read_member(lua_State *L, int object, int key, int *isProperty) {
    *isProperty = 0;
    lua_pushvalue(L, key);
    /* Not raw: a members table may have an `__index` that refuses unknown members (strict classes). */
    int type = lua_gettable(L, lua_upvalueindex(1));
    if (type == LUA_TNIL) { lua_pop(L, 1); return 0; }
    if (type != LUA_TNUMBER) return 1; /* a method */
    int property = (int)lua_tointegerx(L, -1, NULL);
    lua_pop(L, 1);
    object_slot *slot = lua_touserdata(L, object);
    if (slot == NULL || slot->object == NULL) return 0;
    void *classBox = *(void **)lua_touserdata(L, lua_upvalueindex(2));
    dossier_context *ctx = context_of(L);
    int top = lua_gettop(L);
    ctx->hostDepth++;
    int results = dossier_getSwiftProperty(L, classBox, slot->object, property);
    ctx->hostDepth--;
    results = dossier_finish_swift_call(L, ctx, results);
    if (results < 1) { lua_settop(L, top); return 0; }
    lua_settop(L, top + 1);
    *isProperty = 1;
    return 1;
}

/// Gives the object at index 1 a metatable of its own whose `__index` is a table caching its members,
/// so later reads are table reads. The cache table's own metatable (upvalue 4) fetches misses.
static void promote(lua_State *L) {
    lua_getmetatable(L, 1);                         /* class metatable */
    int classMeta = lua_gettop(L);
    lua_createtable(L, 0, 16);                      /* the object's own metatable */
    lua_pushnil(L);
    while (lua_next(L, classMeta) != 0) {           /* copy every metamethod */
        lua_pushvalue(L, -2);
        lua_insert(L, -2);
        lua_rawset(L, -4);
    }
    lua_createtable(L, 0, 8);                       /* the cache */
    lua_pushvalue(L, 1);
    lua_rawsetp(L, -2, &cacheOwnerKey);
    lua_pushvalue(L, lua_upvalueindex(4));
    lua_setmetatable(L, -2);
    lua_setfield(L, -2, "__index");
    lua_setmetatable(L, 1);
    lua_settop(L, classMeta - 1);
}

/// `__index` of an object: a method, or a property from Swift. For a caching class, after a few reads
/// the object is promoted (see promote). Upvalues: 1 members, 2 class box holder, 3 reads before
/// promotion (0: never), 4 the cache tables' metatable.
static int object_index(lua_State *L) {
    lua_settop(L, 2);
    int isProperty;
    if (!read_member(L, 1, 2, &isProperty)) return 0;
    lua_Integer promoteAfter = lua_tointegerx(L, lua_upvalueindex(3), NULL);
    if (promoteAfter > 0) {
        object_slot *slot = lua_touserdata(L, 1);
        if (++slot->reads >= (unsigned)promoteAfter) {
            dossier_context *ctx = context_of(L);
            ctx->hostDepth++;
            promote(L);
            ctx->hostDepth--;
        }
    }
    return 1;
}

/// `__index` of an object's cache table: fetches the member and keeps it (nil is not kept).
/// Arguments: the cache table, the key. Upvalues as object_index's.
static int cache_index(lua_State *L) {
    lua_settop(L, 2);
    lua_rawgetp(L, 1, &cacheOwnerKey);              /* 3: the object */
    int isProperty;
    if (!read_member(L, 3, 2, &isProperty)) return 0;
    if (!lua_isnil(L, -1)) {
        dossier_context *ctx = context_of(L);
        ctx->hostDepth++;
        lua_pushvalue(L, 2);
        lua_pushvalue(L, -2);
        lua_rawset(L, 1);
        ctx->hostDepth--;
    }
    return 1;
}

static int object_newindex(lua_State *L) {
    const char *name = lua_type(L, lua_upvalueindex(1)) == LUA_TSTRING ? lua_tostring(L, lua_upvalueindex(1)) : "object";
    if (lua_type(L, 2) == LUA_TSTRING) {
        return luaL_error(L, "cannot set field '%s' of a %s: its fields are read-only", lua_tostring(L, 2), name);
    }
    return luaL_error(L, "cannot set a field of a %s: its fields are read-only", name);
}

void dossier_new_class_metatable(lua_State *L, int membersIndex, void *classBox, const char *name, int cacheAfter) {
    membersIndex = lua_absindex(L, membersIndex);
    lua_createtable(L, 0, 12);
    int meta = lua_gettop(L);
    dossier_push_box_holder(L, classBox);
    int holder = lua_gettop(L);
    /* The cache tables' metatable: misses go to cache_index. */
    lua_createtable(L, 0, 1);
    lua_pushvalue(L, membersIndex);
    lua_pushvalue(L, holder);
    lua_pushinteger(L, cacheAfter);
    lua_pushnil(L);
    lua_pushcclosure(L, cache_index, 4);
    lua_setfield(L, -2, "__index");
    int cacheMeta = lua_gettop(L);
    lua_pushvalue(L, membersIndex);
    lua_pushvalue(L, holder);
    lua_pushinteger(L, cacheAfter);
    lua_pushvalue(L, cacheMeta);
    lua_pushcclosure(L, object_index, 4);
    lua_setfield(L, meta, "__index");
    lua_settop(L, meta);
    lua_pushstring(L, name);
    lua_pushcclosure(L, object_newindex, 1);
    lua_setfield(L, -2, "__newindex");
    lua_pushcfunction(L, object_gc);
    lua_setfield(L, -2, "__gc");
    lua_pushstring(L, name);
    lua_setfield(L, -2, "__name");
    lua_pushstring(L, name);
    lua_setfield(L, -2, "__metatable");
    lua_pushboolean(L, 1);
    lua_setfield(L, -2, objectMarkerKey);
    lua_pushvalue(L, -1);
    lua_setfield(L, -2, classKey);
}

void dossier_push_object(lua_State *L, void *object, int metatableIndex) {
    metatableIndex = lua_absindex(L, metatableIndex);
    object_slot *slot = lua_newuserdatauv(L, sizeof(object_slot), 0);
    slot->object = object;
    slot->reads = 0;
    lua_pushvalue(L, metatableIndex);
    lua_setmetatable(L, -2);
}

void *dossier_to_object(lua_State *L, int index, int metatableIndex) {
    metatableIndex = lua_absindex(L, metatableIndex);
    object_slot *slot = lua_touserdata(L, index);
    if (slot == NULL || lua_type(L, index) != LUA_TUSERDATA || !lua_getmetatable(L, index)) return NULL;
    /* A promoted object has a metatable of its own: compare the class it records. */
    int same = lua_rawequal(L, -1, metatableIndex);
    if (!same) {
        lua_pushstring(L, classKey);
        lua_rawget(L, -2);
        same = lua_rawequal(L, -1, metatableIndex);
        lua_pop(L, 1);
    }
    lua_pop(L, 1);
    return same ? slot->object : NULL;
}

void *dossier_to_self_object(lua_State *L) {
    if (lua_type(L, 1) != LUA_TUSERDATA) return NULL;
    object_slot *slot = lua_touserdata(L, 1);
    return slot->object;
}

void *dossier_to_any_object(lua_State *L, int index) {
    if (lua_type(L, index) != LUA_TUSERDATA || !lua_getmetatable(L, index)) return NULL;
    lua_pushstring(L, objectMarkerKey);
    int marked = lua_rawget(L, -2) == LUA_TBOOLEAN;
    lua_pop(L, 2);
    if (!marked) return NULL;
    object_slot *slot = lua_touserdata(L, index);
    return slot->object;
}

